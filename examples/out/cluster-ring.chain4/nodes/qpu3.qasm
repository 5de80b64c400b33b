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
pragma qdc source qubits 12 clbits 12
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[3] data;
qubit[2] comm;
bit[12] c;
bit[8] net;
pragma qdc qubit data[0] start 0 end 0
pragma qdc qubit data[1] start 1 end 1
pragma qdc qubit data[2] start 2 end 2
pragma qdc writes 0 1 2
epr(2, 2) comm[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
delay[300ns] data[2];
cz data[1], data[2];
delay[300ns] data[0];
cz data[2], data[0];
delay[1.0013ms] comm[1];
epr(2, 5) comm[1];
net[0] = recv(1, 0);
delay[21.3us] comm[0];
if (net[0] == 1) x comm[0];
net[1] = recv(2, 1);
if (net[1] == 1) x comm[0];
net[2] = recv(1, 2);
if (net[2] == 1) rz(3.141592653589793) comm[0];
net[3] = recv(2, 3);
if (net[3] == 1) rz(3.141592653589793) comm[0];
net[4] = recv(0, 4);
delay[9.88us] comm[0];
if (net[4] == 1) x comm[0];
delay[1.0304ms] data[2];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[5] = measure comm[0];
send(0, 5, net[5]);
rz(1.5707963267948966) data[1];
sx data[1];
rz(-2.541592653589793) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
delay[1.031ms] data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(-2.3415926535897933) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
cz data[1], data[2];
rz(-1.5707963267948966) data[2];
sx data[2];
rz(-2.891592653589793) data[2];
sx data[2];
rz(-1.5707963267948966) data[2];
cz data[1], data[2];
net[6] = recv(2, 7);
delay[11.3us] comm[1];
if (net[6] == 1) x comm[1];
delay[2.0117ms] data[0];
cz comm[1], data[0];
rz(1.5707963267948966) comm[1];
sx comm[1];
rz(1.5707963267948966) comm[1];
net[7] = measure comm[1];
send(2, 10, net[7]);
rz(0.25) data[1];
delay[981us] data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-2.741592653589793) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
cz data[0], data[1];
rz(-1.5707963267948966) data[1];
sx data[1];
rz(-2.791592653589793) data[1];
sx data[1];
rz(-1.5707963267948966) data[1];
cz data[0], data[1];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.8207963267948966) data[2];
delay[981.3us] data[2];
rz(0.35) data[0];
rz(1.5707963267948966) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
cz data[2], data[0];
rz(-1.5707963267948966) data[0];
sx data[0];
rz(-2.991592653589793) data[0];
sx data[0];
rz(-1.5707963267948966) data[0];
cz data[2], data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(-2.791592653589793) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
c[1] = measure data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-2.991592653589793) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
c[0] = measure data[0];
rz(1.7207963267948965) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
c[2] = measure data[2];
