OPENQASM 3.0;
// qdc node program for QPU "qpu1" (superconducting; native gates rz, sx, x, cz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 1 "qpu1"
pragma qdc peer 0 "qpu0"
pragma qdc peer 2 "qpu2"
pragma qdc peer 3 "qpu3"
pragma qdc source qubits 10 clbits 10
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[4] data;
qubit[1] comm;
bit[10] c;
bit[8] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 7 end 7
pragma qdc qubit data[2] start 8 end 8
pragma qdc qubit data[3] start 9 end 9
pragma qdc writes 0 7 8 9
epr(3, 0) comm[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(3, 0, net[0]);
epr(3, 1) comm[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[1] = measure comm[0];
send(3, 1, net[1]);
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(-2.3415926535897933) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(-2.3415926535897933) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[3], data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-2.3415926535897933) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[3], data[0];
net[2] = recv(3, 2);
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
if (net[2] == 1) rz(3.141592653589793) data[0];
net[3] = recv(3, 3);
if (net[3] == 1) rz(3.141592653589793) data[1];
epr(3, 2) comm[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-1.7415926535897932) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[4] = measure comm[0];
send(3, 4, net[4]);
epr(3, 3) comm[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(-1.7415926535897932) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[5] = measure comm[0];
send(3, 5, net[5]);
rz(1.5707963267948966) data[2];
sx data[2];
rz(-1.7415926535897932) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(-1.5415926535897932) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(-1.7415926535897932) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(-1.5415926535897932) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[3], data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-1.5415926535897932) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[3], data[0];
net[6] = recv(3, 6);
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
if (net[6] == 1) rz(3.141592653589793) data[0];
net[7] = recv(3, 7);
if (net[7] == 1) rz(3.141592653589793) data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-2.541592653589793) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
c[0] = measure data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(-2.541592653589793) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
c[7] = measure data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(-2.541592653589793) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
c[8] = measure data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(-2.541592653589793) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
c[9] = measure data[3];
