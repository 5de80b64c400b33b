OPENQASM 3.0;
// qdc node program for QPU "qpu3" (superconducting; native gates rz, sx, x, cz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 3 "qpu3"
pragma qdc peer 0 "qpu0"
pragma qdc peer 1 "qpu1"
pragma qdc peer 2 "qpu2"
pragma qdc source qubits 16 clbits 16
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[2] data;
qubit[1] comm;
bit[16] c;
bit[9] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 15 end 15
pragma qdc writes 0 15
epr(2, 0) comm[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
delay[999.97us] data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(2, 0, net[0]);
delay[12.83us] comm[0];
epr(2, 3) comm[0];
net[1] = recv(1, 3);
delay[46.99us] data[0];
if (net[1] == 1) rz(3.141592653589793) data[0];
net[2] = recv(0, 4);
delay[20.7us] data[0];
if (net[2] == 1) rz(3.141592653589793) data[0];
delay[2.01413ms] data[1];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[3] = measure comm[0];
send(2, 5, net[3]);
net[4] = recv(2, 6);
delay[968.74us] data[0];
if (net[4] == 1) rz(3.141592653589793) data[0];
net[5] = recv(1, 26);
delay[5.1019ms] data[1];
if (net[5] == 1) rz(3.141592653589793) data[1];
net[6] = recv(1, 38);
delay[4.04045ms] data[1];
if (net[6] == 1) rz(3.141592653589793) data[1];
net[7] = recv(1, 44);
delay[2.03962ms] data[1];
if (net[7] == 1) rz(3.141592653589793) data[1];
net[8] = recv(2, 51);
delay[3.03035ms] data[1];
if (net[8] == 1) rz(3.141592653589793) data[1];
delay[14.19008ms] data[0];
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
