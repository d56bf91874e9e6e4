"""Placeholder; replaced below."""
def propose(case_dir): raise NotImplementedError
def write_proposals(case_dir, force=False): raise NotImplementedError
def accept(case_dir, keys=None): raise NotImplementedError
def unresolved_conflicts(case_dir): raise NotImplementedError
