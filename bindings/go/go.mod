module github.com/hms-room-codes/roomcodes

go 1.19
