OPENQASM 3.0;
// qdc node program for QPU "ion0" (trapped-ion; native gates rz, rx, ry, rzz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 2 "ion0"
pragma qdc peer 0 "sc0"
pragma qdc peer 1 "sc1"
pragma qdc peer 3 "ion1"
pragma qdc source qubits 12 clbits 12
include "stdgates.inc";
include "qelib1.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[4] data;
qubit[1] comm;
bit[12] c;
bit[2] net;
pragma qdc qubit data[0] start 8 end 8
pragma qdc qubit data[1] start 9 end 9
pragma qdc qubit data[2] start 10 end 10
pragma qdc qubit data[3] start 11 end 11
pragma qdc writes 8 9 10 11
epr(0, 0) comm[0];
rz(3.141592653589793) data[0];
ry(1.5707963267948966) data[0];
delay[990us] data[0];
rz(3.141592653589793) comm[0];
ry(1.5707963267948966) comm[0];
rzz(-1.5707963267948966) data[0], comm[0];
rz(-1.5707963267948966) comm[0];
ry(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(0, 0, net[0]);
net[1] = recv(0, 1);
rz(-1.5707963267948966) data[0];
ry(1.5707963267948966) data[0];
delay[111.36us] data[0];
if (net[1] == 1) rx(3.141592653589793) data[0];
delay[1.33136ms] data[1];
rz(3.141592653589793) data[1];
ry(1.5707963267948966) data[1];
rzz(-1.5707963267948966) data[0], data[1];
delay[1.53136ms] data[2];
rz(-1.5707963267948966) data[1];
ry(1.5707963267948966) data[1];
rz(3.141592653589793) data[2];
ry(1.5707963267948966) data[2];
rzz(-1.5707963267948966) data[1], data[2];
rz(1.5707963267948966) data[0];
c[8] = measure data[0];
delay[1.73136ms] data[3];
rz(-1.5707963267948966) data[2];
ry(1.5707963267948966) data[2];
rz(3.141592653589793) data[3];
ry(1.5707963267948966) data[3];
rzz(-1.5707963267948966) data[2], data[3];
rz(1.5707963267948966) data[1];
c[9] = measure data[1];
rz(1.5707963267948966) data[2];
c[10] = measure data[2];
rz(-1.5707963267948966) data[3];
ry(1.5707963267948966) data[3];
c[11] = measure data[3];
