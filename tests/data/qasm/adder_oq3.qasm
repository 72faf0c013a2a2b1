// Cuccaro ripple-carry adder: b := a + b for 4-bit registers, carry out in cout.
// Inputs a = 0101 (5) and b = 0011 (3) are prepared with loops over bit masks.
OPENQASM 3.0;
include "stdgates.inc";

gate majority x, y, z {
    cx z, y;
    cx z, x;
    ccx x, y, z;
}

gate unmaj x, y, z {
    ccx x, y, z;
    cx z, x;
    cx x, y;
}

const int n = 4;
const int aValue = 5;
const int bValue = 3;

qubit cin;
qubit[n] a;
qubit[n] b;
qubit cout;
bit[n + 1] ans;

for int i in [0:n - 1] {
    if (((aValue >> i) & 1) == 1) x a[i];
    if (((bValue >> i) & 1) == 1) x b[i];
}

majority cin, b[0], a[0];
for int i in [1:n - 1] {
    majority a[i - 1], b[i], a[i];
}
cx a[n - 1], cout;
for int i in [n - 1:-1:1] {
    unmaj a[i - 1], b[i], a[i];
}
unmaj cin, b[0], a[0];

ans[0:n - 1] = measure b;
ans[n] = measure cout;
