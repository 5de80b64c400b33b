OPENQASM 3.0;
include "stdgates.inc";
qubit[1] data;
qubit[1] comm;
bit[1] m;
epr(comm[0], "qpu0", 0);
m[0] = recv("qpu0", 0);
if (m[0]) x comm[0];
cz comm[0], data[0];
