module github.com/redcapgen/redcapgen

go 1.24
