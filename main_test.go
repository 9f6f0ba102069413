package main

import (
	"maps"
	"testing"
)

func TestSilenceUnreadLogs(t *testing.T) {
	silenced := map[string]string{"TF_LOG_SDK": "off", "TF_LOG_PROVIDER_DUO": "off"}
	for _, tc := range []struct {
		name string
		env  map[string]string
		set  map[string]string
	}{
		{"no log asked for", map[string]string{}, silenced},
		{"empty levels show nothing", map[string]string{"TF_LOG": "", "TF_LOG_PROVIDER": ""}, silenced},
		{"TF_LOG shows the log", map[string]string{"TF_LOG": "trace"}, map[string]string{}},
		{"TF_LOG_PROVIDER shows the log", map[string]string{"TF_LOG_PROVIDER": "debug"}, map[string]string{}},
		{"TF_LOG off shows nothing", map[string]string{"TF_LOG": "OFF"}, silenced},
		{"TF_LOG_PROVIDER off hides TF_LOG", map[string]string{"TF_LOG": "trace", "TF_LOG_PROVIDER": "off"}, silenced},
		{"TF_LOG_PROVIDER shows what TF_LOG hides", map[string]string{"TF_LOG": "off", "TF_LOG_PROVIDER": "info"}, map[string]string{}},
		{
			"levels set are kept",
			map[string]string{"TF_LOG_SDK": "trace", "TF_LOG_PROVIDER_DUO": "info"},
			map[string]string{},
		},
		{
			"one level set, the other silenced",
			map[string]string{"TF_LOG_SDK_FRAMEWORK": "trace", "TF_LOG_SDK": "", "TF_LOG_PROVIDER_DUO": "debug"},
			map[string]string{"TF_LOG_SDK": "off"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := map[string]string{}
			silenceUnreadLogs(
				func(name string) (string, bool) { v, ok := tc.env[name]; return v, ok },
				func(name, value string) error { set[name] = value; return nil },
			)
			if !maps.Equal(set, tc.set) {
				t.Errorf("set %v, want %v", set, tc.set)
			}
		})
	}
}
