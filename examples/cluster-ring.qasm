OPENQASM 3.0;
include "stdgates.inc";
// A ring of four three-qubit clusters (triangles of controlled phases, re-entangled after a
// rotation layer), each joined to the next by one cz. On a chain of four QPUs every cluster
// fits one QPU, but a ring does not fit a line: some joining cz spans QPUs that share no link,
// and its copy reaches the far QPU over pairs swapped at the QPUs between.
qubit[12] q;
bit[12] c;
h q;
cz q[0], q[1];
cz q[1], q[2];
cz q[2], q[0];
cz q[3], q[4];
cz q[4], q[5];
cz q[5], q[3];
cz q[6], q[7];
cz q[7], q[8];
cz q[8], q[6];
cz q[9], q[10];
cz q[10], q[11];
cz q[11], q[9];
// The ring: cluster c meets cluster c + 1 (mod 4).
cz q[2], q[3];
cz q[5], q[6];
cz q[8], q[9];
cz q[11], q[0];
// A second round inside each cluster, so splitting one costs more than the ring.
rx(0.4) q[0];
rx(0.6) q[1];
rx(0.8) q[2];
cp(0.7) q[0], q[1];
cp(0.5) q[1], q[2];
cp(0.3) q[2], q[0];
rx(0.4) q[3];
rx(0.6) q[4];
rx(0.8) q[5];
cp(0.7) q[3], q[4];
cp(0.5) q[4], q[5];
cp(0.3) q[5], q[3];
rx(0.4) q[6];
rx(0.6) q[7];
rx(0.8) q[8];
cp(0.7) q[6], q[7];
cp(0.5) q[7], q[8];
cp(0.3) q[8], q[6];
rx(0.4) q[9];
rx(0.6) q[10];
rx(0.8) q[11];
cp(0.7) q[9], q[10];
cp(0.5) q[10], q[11];
cp(0.3) q[11], q[9];
h q;
c = measure q;
