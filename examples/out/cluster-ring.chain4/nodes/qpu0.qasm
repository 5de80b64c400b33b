OPENQASM 3.0;
// qdc node program for QPU "qpu0" (superconducting; native gates rz, sx, x, cz).
// Network primitives, run by the data center, not by this QPU's gates:
//   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
//                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
//   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
//   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
// Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
// pair tag and every message tag occurs in exactly two programs, once in each.
// 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
// end; 'pragma qdc writes': the source clbits this program measures into.
pragma qdc node 0 "qpu0"
pragma qdc peer 1 "qpu1"
pragma qdc peer 2 "qpu2"
pragma qdc peer 3 "qpu3"
pragma qdc source qubits 12 clbits 12
include "stdgates.inc";
defcal epr(int[32] peer, int[32] tag) q { }
extern send(int[32], int[32], bit);
extern recv(int[32], int[32]) -> bit;
qubit[3] data;
qubit[1] comm;
bit[12] c;
bit[4] net;
pragma qdc qubit data[0] start 3 end 3
pragma qdc qubit data[1] start 4 end 4
pragma qdc qubit data[2] start 5 end 5
pragma qdc writes 3 4 5
epr(1, 0) comm[0];
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
delay[999.07us] data[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[0], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[0] = measure comm[0];
send(3, 4, net[0]);
epr(1, 3) comm[0];
net[1] = recv(3, 5);
delay[62.36us] data[0];
if (net[1] == 1) rz(3.141592653589793) data[0];
rz(1.5707963267948966) data[1];
sx data[1];
rz(-2.541592653589793) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
delay[1.06206ms] data[1];
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
delay[2.00037ms] data[2];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
cz data[2], comm[0];
rz(1.5707963267948966) comm[0];
sx comm[0];
rz(1.5707963267948966) comm[0];
net[2] = measure comm[0];
send(1, 6, net[2]);
net[3] = recv(1, 9);
delay[22.36us] data[2];
if (net[3] == 1) rz(3.141592653589793) data[2];
rz(1.5707963267948966) data[1];
sx data[1];
rz(1.9207963267948966) data[1];
delay[961us] data[1];
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
rz(0.35) data[0];
delay[961.3us] data[0];
rz(1.5707963267948966) data[2];
sx data[2];
rz(1.8207963267948966) data[2];
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
rz(1.8207963267948966) data[1];
sx data[1];
rz(1.5707963267948966) data[1];
c[4] = measure data[1];
rz(1.5707963267948966) data[0];
sx data[0];
rz(-2.991592653589793) data[0];
sx data[0];
rz(1.5707963267948966) data[0];
c[3] = measure data[0];
rz(1.7207963267948965) data[2];
sx data[2];
rz(1.5707963267948966) data[2];
c[5] = measure data[2];
