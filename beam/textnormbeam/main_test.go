package textnormbeam

import (
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// The pipelines of the tests run on Beam's default local runner, Prism,
// in this process.
func TestMain(m *testing.M) { ptest.Main(m) }
