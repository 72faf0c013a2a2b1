// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
cx q[0] q[1];
