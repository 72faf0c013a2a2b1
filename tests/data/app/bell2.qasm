// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 2.0;
include "qelib1.inc";
// Bell pair with a few parameterised gates, OpenQASM 2.0 (qpilot CLI test fixture).
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
rz(pi/4) q[1];
u3(0.1, 0.2, 0.3) q[0];
measure q[0] -> c[0];
measure q[1] -> c[1];
