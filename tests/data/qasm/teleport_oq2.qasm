// Quantum teleportation of ry(0.3)|0⟩ from q[0] to q[2] with classically controlled corrections.
OPENQASM 2.0;
include "qelib1.inc";

qreg q[3];
creg m0[1];
creg m1[1];
creg result[1];

ry(0.3) q[0];
// Bell pair between q[1] and q[2]
h q[1];
cx q[1], q[2];
// Bell measurement of q[0], q[1]
cx q[0], q[1];
h q[0];
measure q[0] -> m0[0];
measure q[1] -> m1[0];
if (m1 == 1) x q[2];
if (m0 == 1) z q[2];
measure q[2] -> result[0];
