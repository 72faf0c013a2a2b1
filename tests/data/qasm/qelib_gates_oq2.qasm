// Every qelib1.inc gate once, on a five-qubit register, with OpenQASM 2 expressions
// (^ is power in OpenQASM 2) and the built-in U and CX.
OPENQASM 2.0;
include "qelib1.inc";

qreg q[5];
creg c[5];

U(pi/2, 0, pi) q[0];
CX q[0], q[1];
u3(0.1, 0.2, 0.3) q[0];
u2(0, pi) q[1];
u1(pi/4) q[2];
id q[3];
x q[0]; y q[1]; z q[2];
h q[3];
s q[4]; sdg q[4];
t q[0]; tdg q[0];
sx q[1]; sxdg q[1];
rx(pi/2^2) q[2];
ry(-pi/3) q[3];
rz(2*pi/3) q[4];
p(1.5e-1) q[0];
cx q[1], q[2];
cy q[2], q[3];
cz q[3], q[4];
ch q[4], q[0];
crx(0.5) q[0], q[1];
cry(0.25) q[1], q[2];
crz(-0.125) q[2], q[3];
cu1(pi/16) q[3], q[4];
cp(pi/32) q[4], q[0];
cu3(0.1, 0.2, 0.3) q[0], q[2];
swap q[1], q[3];
rxx(0.3) q[0], q[4];
rzz(0.7) q[2], q[4];
ccx q[0], q[1], q[2];
cswap q[2], q[3], q[4];
cu(0.1, 0.2, 0.3, 0.4) q[3], q[0];
measure q -> c;
