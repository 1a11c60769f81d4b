// always @* is sensitive to every variable read, including memory words and the index that selects them.
module top;
  reg [7:0] mem [0:3];
  reg [1:0] idx;
  reg [7:0] out;
  reg en;
  always @* begin
    if (en) out = mem[idx] + 1;
    else out = 8'h00;
  end
  initial begin
    mem[0] = 10; mem[1] = 20; mem[2] = 30; mem[3] = 40;
    en = 0; idx = 0;
    #1 $display("%0d", out);
    en = 1;
    #1 $display("%0d", out);
    idx = 2;
    #1 $display("%0d", out);
    mem[2] = 99;
    #1 $display("%0d", out);
  end
endmodule
