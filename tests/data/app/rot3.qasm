// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 3.0;
include "stdgates.inc";
// Rotations and a loop, OpenQASM 3 (qpilot CLI test fixture).
qubit[3] q;
bit[3] c;
for int i in [0:2] {
    ry(pi / 4) q[i];
}
cx q[0], q[2];
rx(0.5) q[1];
swap q[1], q[2];
c = measure q;
