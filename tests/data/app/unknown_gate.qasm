// SPDX-License-Identifier: GPL-3.0-or-later
OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
h q[0];
foo q[1];
