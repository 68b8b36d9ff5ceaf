package resolvers

// SetPlainWriting switches plain writing (plain.go) on or off for a test,
// and returns how to restore it.
func SetPlainWriting(on bool) (restore func()) {
	was := plainWriting
	plainWriting = on
	return func() { plainWriting = was }
}

// PlainWrites returns how many objects plain writers have written.
func PlainWrites() int64 { return plainWrites.Load() }
