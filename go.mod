module github.com/textnorm/textnorm

go 1.26.0

require (
	github.com/pemistahl/lingua-go v1.4.0
	github.com/rivo/uniseg v0.4.7
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.44.0
)

require (
	github.com/shopspring/decimal v1.3.1 // indirect
	golang.org/x/exp v0.0.0-20221106115401-f9659909a136 // indirect
	golang.org/x/tools v0.52.0 // indirect
	google.golang.org/protobuf v1.31.0 // indirect
)
