print("ferry-agent: not assembled yet")
