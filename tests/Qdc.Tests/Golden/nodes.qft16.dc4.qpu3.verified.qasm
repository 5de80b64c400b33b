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
bit[16] c;
