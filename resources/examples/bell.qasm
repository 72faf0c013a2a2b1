// SPDX-License-Identifier: GPL-3.0-or-later
// Bell state: (|00> + |11>)/sqrt(2), measured. OpenQASM 2.0.
OPENQASM 2.0;
include "qelib1.inc";

qreg q[2];
creg c[2];

h q[0];
cx q[0], q[1];
measure q -> c;
