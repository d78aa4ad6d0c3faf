print("ferry-coordinator: not assembled yet")
