// A hardware-efficient ansatz with free input parameters: two layers of ry/rz rotations and
// a ring of cz entanglers. The angles stay symbolic until they are bound.
OPENQASM 3.0;
include "stdgates.inc";

input float[64] theta0;
input float[64] theta1;
input angle[32] phi;

const int layers = 2;
qubit[4] q;
bit[4] c;

for int layer in [0:layers - 1] {
    for int i in [0:3] {
        ry(theta0 * (i + 1) + layer) q[i];
        rz(theta1 / 2 - phi * layer) q[i];
    }
    for int i in [0:3] {
        cz q[i], q[(i + 1) % 4];
    }
}
rx(sin(theta0) * cos(phi)) q[0];
u3(theta0, theta1, -phi) q[1];
crz(2 * phi) q[1], q[2];
c = measure q;
