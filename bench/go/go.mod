module hms-room-codes/bench/go

go 1.19

require github.com/hms-room-codes/roomcodes v0.0.0

replace github.com/hms-room-codes/roomcodes => ../../bindings/go
