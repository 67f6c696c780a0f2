module github.com/redcapgen/redcapgen

go 1.24

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/iancoleman/strcase v0.3.0
)
