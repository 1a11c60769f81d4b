// Memory arrays: word reads and writes, bit and part selects of a word, out-of-range address reads x.
module top;
  reg [7:0] mem [0:15];
  reg [3:0] m2 [7:4];
  integer i;
  reg [4:0] addr;
  initial begin
    for (i = 0; i < 16; i = i + 1) mem[i] = i * 17;
    for (i = 4; i < 8; i = i + 1) m2[i] = i;
    $display("%h %h %h", mem[0], mem[5], mem[15]);
    $display("%b %h", mem[3][0], mem[10][7:4]);
    mem[2][3:0] = 4'hF;
    mem[2][7] = 1'b1;
    $display("%h", mem[2]);
    addr = 16;
    $display("%h %h", mem[addr], m2[3]);
    addr = 5'bx;
    $display("%h", mem[addr]);
    mem[addr] = 8'h00;
    $display("%h %h", m2[4], m2[7]);
    addr = 7;
    $display("%h", mem[addr] + mem[addr + 1]);
  end
endmodule
