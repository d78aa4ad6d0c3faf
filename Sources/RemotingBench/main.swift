print("remoting-bench: not written yet")
