// Package seed generates deterministic, realistic mentor networks: people
// with skills, organizations and affiliations, KNOWS links with a
// heavy-tailed degree distribution and a few hubs (in one of two shapes:
// planned degrees with hubs of a few thousand links, or grown by
// preferential attachment with hubs that know up to a quarter of
// everyone, ShapeSocial), mentorships that respect
// skill levels and mentor capacity (with a deliberate handful of overloaded
// mentors and the odd lineage cycle), and goals. The same Config always
// yields the same dataset, byte for byte: randomness comes from PCG streams
// seeded by Config.Seed, never from the clock or map order. (Across CPU
// architectures a last-bit difference in math.Exp or math.Log could in
// principle change a draw; on one architecture the output is fixed.)
//
// Generate builds a whole dataset.Dataset in memory, in time and memory
// proportional to its size; Skills exposes the fixed skill catalogue.
//
// It imports only the standard library and graph/dataset (for its record
// types); cmd and benchmarks call it.
package seed
