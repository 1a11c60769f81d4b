// A memory used as a lookup table, written by a loop at time 0 and read by combinational logic.
module top;
  reg [7:0] rom [0:7];
  reg [2:0] a;
  wire [7:0] q = rom[a];
  integer i;
  initial begin
    for (i = 0; i < 8; i = i + 1) rom[i] = 8'h10 * i + 3;
    for (i = 0; i < 8; i = i + 1) begin
      a = i;
      #1 $display("rom[%0d]=%h", a, q);
    end
    rom[3] = 8'hEE;
    a = 3;
    #1 $display("rom[3]=%h", q);
  end
endmodule
