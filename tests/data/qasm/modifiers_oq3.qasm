// Gate modifiers inside and outside gate definitions: ctrl, ctrl(n), negctrl, inv, pow.
OPENQASM 3.0;
include "stdgates.inc";

// A controlled-controlled phase built from modifiers on standard gates.
gate ccphase(λ) c0, c1, t {
    ctrl(2) @ p(λ) c0, c1, t;
}

// The square root of a swap, and its inverse through inv.
gate sqrt_swap a, b {
    pow(0.5) @ swap a, b;
}

gate mixed(θ) a, b, c {
    negctrl @ ctrl @ rx(θ) a, b, c;
    inv @ sqrt_swap a, b;
    ctrl @ gphase(θ / 2) c;
}

qubit[4] q;
bit[4] c;

h q;
ccphase(pi / 3) q[0], q[1], q[2];
inv @ ccphase(pi / 3) q[1], q[2], q[3];
sqrt_swap q[0], q[3];
ctrl @ sqrt_swap q[1], q[0], q[3];
mixed(0.25) q[3], q[2], q[1];
ctrl @ ctrl @ x q[0], q[1], q[2];
negctrl(2) @ h q[2], q[3], q[0];
pow(1.0 / 3) @ inv @ t q[1];
inv @ pow(2) @ ctrl @ sx q[0], q[2];
gphase(-pi / 8);
c = measure q;
