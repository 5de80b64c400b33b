OPENQASM 3.0;
include "stdgates.inc";
// Cuccaro ripple-carry adder (quant-ph/0410184): b := a + b on 4-bit registers, carry out in cout.
// The inputs are prepared as a = 0101 (5) and b = 0011 (3), so a measurement reads 8 with no carry.
gate maj a, b, c {
  cx c, b;
  cx c, a;
  ccx a, b, c;
}
gate uma a, b, c {
  ccx a, b, c;
  cx c, a;
  cx a, b;
}
qubit cin;
qubit[4] a;
qubit[4] b;
qubit cout;
bit[5] result;
x a[0];
x a[2];
x b[0];
x b[1];
maj cin, b[0], a[0];
maj a[0], b[1], a[1];
maj a[1], b[2], a[2];
maj a[2], b[3], a[3];
cx a[3], cout;
uma a[2], b[3], a[3];
uma a[1], b[2], a[2];
uma a[0], b[1], a[1];
uma cin, b[0], a[0];
result[0:3] = measure b;
result[4] = measure cout;
