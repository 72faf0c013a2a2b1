// SPDX-License-Identifier: GPL-3.0-or-later
// Quantum teleportation: the state ry(0.8)|0> moves from q[0] to q[2] using a Bell pair
// and two classically controlled corrections. OpenQASM 3 (mid-circuit measurement + if).
OPENQASM 3.0;
include "stdgates.inc";

qubit[3] q;
bit[2] m;    // Alice's two measurement results
bit[1] out;  // Bob's qubit after the corrections

// The state to send.
ry(0.8) q[0];

// Bell pair shared by Alice (q[1]) and Bob (q[2]).
h q[1];
cx q[1], q[2];

// Alice's Bell-basis measurement.
cx q[0], q[1];
h q[0];
m[0] = measure q[0];
m[1] = measure q[1];

// Bob's corrections.
if (m[1]) {
    x q[2];
}
if (m[0]) {
    z q[2];
}

out[0] = measure q[2];
