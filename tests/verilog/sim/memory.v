module top;
  reg [7:0] mem [0:15];
  integer i;
  initial begin
    for (i = 0; i < 16; i = i + 1) mem[i] = i * i;
    $display("%0d %0d %0d", mem[0], mem[5], mem[15]);
    mem[3][7:4] = 4'hf;
    $display("%h", mem[3]);
    $display("%h", mem[16]);
  end
endmodule
