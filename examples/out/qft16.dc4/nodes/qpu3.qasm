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
bit[16] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 1 end 1
pragma qdc qubit data[2] start 14 end 14
pragma qdc qubit data[3] start 15 end 15
pragma qdc writes 0 1 14 15
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[1], data[0];
rz(-1.5707963267948966) data[0];
sx data[0];
rz(-2.356194490192345) data[0];
sx data[0];
rz(-1.5707963267948966) data[0];
cz data[1], data[0];
epr(1, 0) comm[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(2.356194490192345) data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(1, 0, net[0]);
epr(0, 1) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[1] = measure comm[0];
send(0, 1, net[1]);
net[2] = recv(1, 2);
if (net[2] == 1) rz(3.141592653589793) data[0];
epr(0, 2) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[3] = measure comm[0];
send(0, 3, net[3]);
epr(0, 3) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[3], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[4] = measure comm[0];
send(0, 4, net[4]);
net[5] = recv(0, 5);
if (net[5] == 1) rz(3.141592653589793) data[0];
epr(1, 4) comm[0];
rz(2.356194490192345) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[6] = measure comm[0];
send(1, 6, net[6]);
epr(0, 5) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[1], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[7] = measure comm[0];
send(0, 7, net[7]);
net[8] = recv(1, 9);
if (net[8] == 1) rz(3.141592653589793) data[1];
net[9] = recv(0, 10);
if (net[9] == 1) rz(3.141592653589793) data[1];
epr(1, 11) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[10] = measure comm[0];
send(1, 17, net[10]);
epr(1, 12) comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[3], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[11] = measure comm[0];
send(1, 18, net[11]);
net[12] = recv(0, 24);
if (net[12] == 1) rz(3.141592653589793) data[2];
net[13] = recv(0, 25);
if (net[13] == 1) rz(3.141592653589793) data[3];
net[14] = recv(1, 26);
if (net[14] == 1) rz(3.141592653589793) data[2];
net[15] = recv(1, 27);
if (net[15] == 1) rz(3.141592653589793) data[3];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[3], data[2];
rz(-1.5707963267948966) data[2];
sx data[2];
rz(-2.356194490192345) data[2];
sx data[2];
rz(-1.5707963267948966) data[2];
cz data[3], data[2];
rz(2.356194490192345) data[3];
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
rz(2.356194490192345) data[2];
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
c[1] = measure data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
c[14] = measure data[2];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
c[15] = measure data[3];
