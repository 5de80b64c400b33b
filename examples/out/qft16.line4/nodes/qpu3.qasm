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
qubit[4] data;
qubit[1] comm;
bit[16] c;
bit[14] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 4 end 4
pragma qdc qubit data[2] start 11 end 11
pragma qdc qubit data[3] start 15 end 15
pragma qdc writes 0 4 11 15
epr(2, 0) comm[0];
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
send(2, 0, net[0]);
epr(2, 2) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[1] = measure comm[0];
send(2, 2, net[1]);
epr(2, 3) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[2] = measure comm[0];
send(2, 3, net[2]);
net[3] = recv(1, 6);
if (net[3] == 1) rz(3.141592653589793) data[0];
epr(2, 6) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[3], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[4] = measure comm[0];
send(2, 7, net[4]);
net[5] = recv(2, 8);
if (net[5] == 1) rz(3.141592653589793) data[0];
net[6] = recv(2, 15);
if (net[6] == 1) rz(3.141592653589793) data[1];
epr(2, 12) comm[0];
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
net[7] = measure comm[0];
send(2, 18, net[7]);
net[8] = recv(2, 19);
if (net[8] == 1) rz(3.141592653589793) data[1];
net[9] = recv(2, 20);
if (net[9] == 1) rz(3.141592653589793) data[2];
epr(2, 13) comm[0];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[10] = measure comm[0];
send(2, 21, net[10]);
net[11] = recv(2, 25);
if (net[11] == 1) rz(3.141592653589793) data[3];
net[12] = recv(2, 26);
if (net[12] == 1) rz(3.141592653589793) data[2];
net[13] = recv(1, 27);
if (net[13] == 1) rz(3.141592653589793) data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[0], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[3], data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[0], data[3];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[2], data[1];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
c[0] = measure data[0];
c[4] = measure data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
c[11] = measure data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
c[15] = measure data[3];
