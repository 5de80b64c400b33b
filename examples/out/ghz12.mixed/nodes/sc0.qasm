OPENQASM 3.0;
// qdc node program for QPU "sc0" (superconducting; native gates rz, sx, x, cz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 0 "sc0"
pragma qdc peer 1 "sc1"
pragma qdc peer 2 "ion0"
pragma qdc peer 3 "ion1"
pragma qdc source qubits 12 clbits 12
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[8] data;
qubit[1] comm;
bit[12] c;
bit[2] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 1 end 1
pragma qdc qubit data[2] start 2 end 2
pragma qdc qubit data[3] start 3 end 3
pragma qdc qubit data[4] start 4 end 4
pragma qdc qubit data[5] start 5 end 5
pragma qdc qubit data[6] start 6 end 6
pragma qdc qubit data[7] start 7 end 7
pragma qdc writes 0 1 2 3 4 5 6 7
epr(2, 0) comm[0];
delay[30ns] data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
delay[330ns] data[2];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
c[0] = measure data[0];
delay[630ns] data[3];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
c[1] = measure data[1];
delay[930ns] data[4];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[4];
sx data[4];
rz(1.5707963267948966) data[4];
cz data[3], data[4];
c[2] = measure data[2];
delay[1.23us] data[5];
rz(1.5707963267948966) data[4];
sx data[4];
rz(1.5707963267948966) data[4];
rz(1.5707963267948966) data[5];
sx data[5];
rz(1.5707963267948966) data[5];
cz data[4], data[5];
c[3] = measure data[3];
delay[1.53us] data[6];
rz(1.5707963267948966) data[5];
sx data[5];
rz(1.5707963267948966) data[5];
rz(1.5707963267948966) data[6];
sx data[6];
rz(1.5707963267948966) data[6];
cz data[5], data[6];
c[4] = measure data[4];
delay[1.83us] data[7];
rz(1.5707963267948966) data[6];
sx data[6];
rz(1.5707963267948966) data[6];
rz(1.5707963267948966) data[7];
sx data[7];
rz(1.5707963267948966) data[7];
cz data[6], data[7];
c[5] = measure data[5];
c[6] = measure data[6];
net[0] = recv(2, 0);
delay[310us] comm[0];
if (net[0] == 1) x comm[0];
rz(1.5707963267948966) data[7];
sx data[7];
rz(1.5707963267948966) data[7];
delay[1.30793ms] data[7];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[7], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[1] = measure comm[0];
send(2, 1, net[1]);
c[7] = measure data[7];
