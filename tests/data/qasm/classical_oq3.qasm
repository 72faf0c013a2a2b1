// Compile-time classical code: constants, typed variables, compound assignments, while and
// for loops with break/continue, static conditions and casts. Only the resulting gates remain.
OPENQASM 3.0;
include "stdgates.inc";

const int n = 5;
qubit[n] q;
bit[n] c;

int[32] count = 0;
uint[8] mask = 0b10110;
float[64] angle_step = pi / 8;
bool flip = true;

// set the qubits of the mask
for int i in [0:n - 1] {
    if ((mask >> i) % 2 == 1) {
        x q[i];
        count += 1;
    }
}

// a while loop that halves a number
int value = 40;
while (value > 5) {
    value /= 2;
    rz(angle_step * value) q[value % n];
}

for int i in {4, 1, 3, 0} {
    if (i == 1) continue;
    if (i == 0) break;
    ry(float(i) / 10) q[i];
}

if (count == 3 && flip) {
    h q[0];
} else {
    h q[1];
}
flip = !flip;
if (flip) cz q[0], q[1]; else cz q[1], q[2];
angle_step *= 2;
p(angle_step + int(2.9)) q[n - 1];
c = measure q;
