// Cells share their variables: the network trained above is still here.
// How many parameters (weights and biases) does it have?
net.params.length
