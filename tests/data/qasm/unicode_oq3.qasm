/* Unicode names and constants: θ, φ, π, τ and ℇ (Euler's number). */
OPENQASM 3;
include "stdgates.inc";

input angle θ;
const float φ = π / 4;
qubit[2] ψ;
bit[2] m;

gate rot(α, β) a {
    rz(α) a;
    ry(β) a;
}

rot(θ, φ) ψ[0];
rx(τ / 8) ψ[1];
rz(ln(ℇ) * φ) ψ[1];
cp(θ - φ) ψ[0], ψ[1];
m = measure ψ;
