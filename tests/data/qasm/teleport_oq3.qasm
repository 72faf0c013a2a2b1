// Teleportation with OpenQASM 3 syntax: scalar bits, single-bit conditions and blocks.
OPENQASM 3.0;
include "stdgates.inc";

qubit alice;
qubit link;
qubit bob;
bit a;
bit b;
bit[1] result;

u3(0.7, 0.2, -0.4) alice;
h link;
cx link, bob;
cx alice, link;
h alice;
a = measure alice;
b = measure link;
if (b) {
    x bob;
}
if (a == 1) {
    z bob;
} else {
    id bob;
}
result[0] = measure bob;
