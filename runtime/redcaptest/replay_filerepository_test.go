package redcaptest

import (
	"encoding/json"
	"testing"
)

func init() {
	replayArea("filerepository.jsonl", true, nil)
	freshSetups = append(freshSetups, repositoryIDsFromCapture)
}

// repositoryIDsFromCapture makes the fake number folders and documents from where the capture's
// server did (the first folder_id it answered, the smallest doc_id it listed), so that requests
// naming captured ids reach the same folders and files.
func repositoryIDsFromCapture(t *testing.T, c corpus, file, project string, s *Server) {
	t.Helper()
	firstFolder, firstDoc := 0, 0
	for _, v := range c.files[file] {
		if v.Project != project || v.Request["content"] != "fileRepository" || v.Status != 200 || v.Request["format"] != "json" {
			continue
		}
		var rows []map[string]any
		if json.Unmarshal([]byte(v.Body), &rows) != nil {
			continue
		}
		for _, r := range rows {
			if n, ok := r["folder_id"].(float64); ok && firstFolder == 0 && v.Request["action"] == "createFolder" {
				firstFolder = int(n)
			}
			if n, ok := r["doc_id"].(float64); ok && (firstDoc == 0 || int(n) < firstDoc) {
				firstDoc = int(n)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if firstFolder > 0 {
		s.st.fileRepository().nextFolderID = firstFolder
	}
	if firstDoc > 0 {
		s.st.nextDocID = firstDoc
	}
}
