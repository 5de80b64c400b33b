OPENQASM 3.0;
// qdc node program for QPU "sc1" (superconducting; native gates rz, sx, x, cz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 1 "sc1"
pragma qdc peer 0 "sc0"
pragma qdc peer 2 "ion0"
pragma qdc peer 3 "ion1"
pragma qdc source qubits 8 clbits 7
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[8] data;
bit[2] m0;
bit[2] m1;
bit[2] m2;
bit[1] out;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 1 end 1
pragma qdc qubit data[2] start 2 end 2
pragma qdc qubit data[3] start 3 end 3
pragma qdc qubit data[4] start 4 end 4
pragma qdc qubit data[5] start 5 end 5
pragma qdc qubit data[6] start 6 end 6
pragma qdc qubit data[7] start 7 end 7
pragma qdc writes 0 1 2 3 4 5 6
delay[30ns] data[2];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
delay[30ns] data[4];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
rz(1.5707963267948966) data[4];
sx data[4];
rz(1.5707963267948966) data[4];
cz data[3], data[4];
delay[30ns] data[7];
rz(1.5707963267948966) data[6];
sx data[6];
rz(1.5707963267948966) data[6];
rz(1.5707963267948966) data[7];
sx data[7];
rz(1.5707963267948966) data[7];
cz data[6], data[7];
sx data[0];
rz(-2.241592653589793) data[0];
sx data[0];
rz(3.141592653589793) data[0];
delay[300ns] data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
m0[1] = measure data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
m0[0] = measure data[0];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
delay[1.3us] data[2];
if (m0[1] == 1) x data[2];
if (m0[0] == 1) rz(3.141592653589793) data[2];
delay[1.36us] data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
cz data[2], data[3];
rz(1.5707963267948966) data[3];
sx data[3];
rz(1.5707963267948966) data[3];
m1[1] = measure data[3];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
m1[0] = measure data[2];
rz(1.5707963267948966) data[4];
sx data[4];
rz(1.5707963267948966) data[4];
delay[2.66us] data[4];
if (m1[1] == 1) x data[4];
delay[2.69us] data[6];
rz(1.5707963267948966) data[6];
sx data[6];
rz(1.5707963267948966) data[6];
cz data[4], data[6];
if (m1[0] == 1) rz(3.141592653589793) data[4];
rz(1.5707963267948966) data[6];
sx data[6];
rz(1.5707963267948966) data[6];
m2[1] = measure data[6];
rz(1.5707963267948966) data[4];
sx data[4];
rz(1.5707963267948966) data[4];
m2[0] = measure data[4];
rz(1.5707963267948966) data[7];
sx data[7];
rz(1.5707963267948966) data[7];
delay[3.99us] data[7];
if (m2[1] == 1) x data[7];
delay[4.35us] data[5];
rz(1.5707963267948966) data[5];
sx data[5];
rz(1.5707963267948966) data[5];
cz data[7], data[5];
if (m2[0] == 1) rz(3.141592653589793) data[7];
rz(3.141592653589793) data[7];
sx data[7];
rz(-2.241592653589793) data[7];
sx data[7];
out[0] = measure data[7];
rz(1.5707963267948966) data[5];
sx data[5];
rz(1.5707963267948966) data[5];
