//go:build evidencegen

package langid

// Empty tables for gen_evidence.go, which builds the package without
// evidence_tables.go.
var arabTables, cyrlTables, devaTables, latnTables evidenceTables
