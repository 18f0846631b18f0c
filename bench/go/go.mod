module hms-room-codes/bench/go

go 1.19

require hms-room-codes/bindings/go v0.0.0

replace hms-room-codes/bindings/go => ../../bindings/go
