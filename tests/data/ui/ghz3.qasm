// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 3.0;
include "stdgates.inc";
// Three-qubit GHZ state, OpenQASM 3 (qpilot UI test fixture).
// depth 4 (h, cx, cx, measure), two-qubit depth 2, size 6.
qubit[3] q;
bit[3] c;
h q[0];
cx q[0], q[1];
cx q[1], q[2];
c = measure q;
