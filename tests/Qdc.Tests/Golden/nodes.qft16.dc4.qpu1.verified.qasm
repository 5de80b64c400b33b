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
pragma qdc source qubits 16 clbits 16
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[2] data;
qubit[2] comm;
bit[16] c;
bit[10] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 15 end 15
pragma qdc writes 0 15
epr(3, 0) comm[0];
epr(2, 1) comm[1];
delay[30ns] data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[1], data[0];
rz(-1.5707963267948966) data[0];
sx data[0];
rz(-3.1415447166901718) data[0];
sx data[0];
rz(-1.5707963267948966) data[0];
cz data[1], data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.570844263694518) data[0];
delay[999.67us] data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(3, 0, net[0]);
delay[300ns] comm[1];
rz(1.5707963267948966) comm[1];
sx comm[1];
rz(1.5707963267948966) comm[1];
cz data[0], comm[1];
rz(1.5707963267948966) comm[1];
sx comm[1];
rz(1.5707963267948966) comm[1];
net[1] = measure comm[1];
send(2, 1, net[1]);
epr(0, 2) comm[0];
net[2] = recv(2, 2);
delay[22.66us] data[0];
if (net[2] == 1) rz(3.141592653589793) data[0];
net[3] = recv(3, 4);
delay[2.67us] data[0];
if (net[3] == 1) rz(3.141592653589793) data[0];
delay[975.31us] data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[4] = measure comm[0];
send(0, 6, net[4]);
delay[12.53us] comm[0];
epr(3, 5) comm[0];
delay[1.01386ms] comm[1];
epr(0, 10) comm[1];
net[5] = recv(0, 8);
delay[23.86us] data[0];
if (net[5] == 1) rz(3.141592653589793) data[0];
rz(4.7936899621426287E-05) data[1];
delay[3.0148ms] data[1];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[6] = measure comm[0];
send(3, 12, net[6]);
delay[30ns] data[1];
rz(1.5707963267948966) comm[1];
sx comm[1];
rz(1.5707963267948966) comm[1];
cz data[1], comm[1];
rz(1.5707963267948966) comm[1];
sx comm[1];
rz(1.5707963267948966) comm[1];
net[7] = measure comm[1];
send(0, 13, net[7]);
net[8] = recv(0, 24);
delay[3.06008ms] data[1];
if (net[8] == 1) rz(3.141592653589793) data[1];
net[9] = recv(3, 51);
delay[7.09459ms] data[1];
if (net[9] == 1) rz(3.141592653589793) data[1];
delay[11.14503ms] data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[1], data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
c[0] = measure data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
c[15] = measure data[1];
