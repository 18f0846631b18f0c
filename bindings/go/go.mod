module hms-room-codes/bindings/go

go 1.19
