// case compares with === semantics (x and z match only themselves), takes the first matching item, default otherwise.
module top;
  reg [1:0] s;
  integer i;
  task show;
    case (s)
      2'b00: $display("%b -> zero", s);
      2'b01, 2'b10: $display("%b -> one or two", s);
      2'bx1: $display("%b -> x1", s);
      2'bzz: $display("%b -> zz", s);
      default: $display("%b -> default", s);
    endcase
  endtask
  initial begin
    s = 0; show; s = 1; show; s = 2; show; s = 3; show;
    s = 2'bx1; show; s = 2'bzz; show; s = 2'b1x; show; s = 2'bxx; show;
  end
endmodule
