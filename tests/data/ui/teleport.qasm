// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 3.0;
include "stdgates.inc";
// Mid-circuit measurement and if: not expressible in OpenQASM 2.0 or IonQ JSON.
qubit[3] q;
bit[3] c;
h q[1];
cx q[1], q[2];
cx q[0], q[1];
h q[0];
c[0] = measure q[0];
c[1] = measure q[1];
if (c[1]) {
    x q[2];
}
c[2] = measure q[2];
